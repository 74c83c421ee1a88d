# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base
FROM debian:12
RUN apt-get update && `
    apt-get install -y `
      curl `
      tzdata=2024a-0+deb12u1
