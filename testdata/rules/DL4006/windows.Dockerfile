# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
# Windows images run cmd until a SHELL says otherwise.
RUN dir C:\ ^| findstr Windows
SHELL ["C:\\Windows\\System32\\cmd.exe", "/S", "/C"]
RUN type a.txt | findstr x
SHELL ["powershell", "-Command"]
RUN Get-ChildItem | Select-Object Name
SHELL ["C:\\tools\\bash.exe", "-c"]
RUN ls `
    # comment `
    | wc -l
