# Not reported: the last USER is root, which DL3002 reports instead.
FROM alpine:3.20
USER root
