# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
ADD C:\src\app.exe `
    C:\app\
