# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win
FROM debian:12-slim
RUN apt-get update && `
    sudo apt-get install -y curl
