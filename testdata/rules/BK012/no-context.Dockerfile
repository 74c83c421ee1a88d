FROM alpine:3.20
COPY secrets.env /etc/app/
