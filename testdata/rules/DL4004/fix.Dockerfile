# The fix deletes every line of the earlier ENTRYPOINT, continuation lines included.
FROM alpine:3.20
  ENTRYPOINT ["/usr/local/bin/setup.sh", \
      "--all"]
RUN echo between
ENTRYPOINT ["/usr/local/bin/server"]
