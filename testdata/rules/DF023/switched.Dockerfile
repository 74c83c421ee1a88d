FROM debian:12
RUN useradd -m app
USER app
