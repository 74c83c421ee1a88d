# escape=`
FROM debian:12-slim
RUN echo start `
    # comment `
    && cd /srv `
    && make
