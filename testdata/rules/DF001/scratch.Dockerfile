# scratch is not exempt: a static binary still runs as uid 0.
FROM golang:1.23 AS build
RUN CGO_ENABLED=0 go build -o /server .
FROM scratch
COPY --from=build /server /server
ENTRYPOINT ["/server"]
