# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN Write-Host ('{0}' -f $env:X); `
    [Net.ServicePointManager]::SecurityProtocol = 1
EXPOSE
WORKDIR C:\app
