# escape=`
FROM debian:12-slim
MAINTAINER Team "A" `B` C:\x
