# The fix removes sudo only where the step runs as root.
FROM debian:12-slim AS base
RUN sudo \
    apt-get update
USER app
RUN sudo make install
USER 0
RUN sudo make install
FROM base AS child
RUN sudo make
FROM debian:12-slim
USER app
RUN sudo make
USER root
RUN sudo make && sudo -E make install
