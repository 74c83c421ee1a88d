FROM alpine:3.20 AS build
ENTRYPOINT ["/setup.sh"]
ENTRYPOINT /server --port 80
ONBUILD ENTRYPOINT ["/child"]
FROM build
ENTRYPOINT ["/server"]
CMD ["--port", "80"]
