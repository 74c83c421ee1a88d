FROM golang:1.23 AS Build
FROM debian:12
COPY --from=build / /
COPY --from=BUILD / /rootfs
COPY --from=build /. /
COPY --from=build ["/", "/json"]
COPY --from=build /out /
COPY / /
ONBUILD COPY --from=build / /
FROM scratch
COPY --from=build / /
