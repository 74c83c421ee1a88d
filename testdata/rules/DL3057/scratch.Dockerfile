FROM scratch
COPY server /server
ENTRYPOINT ["/server"]
