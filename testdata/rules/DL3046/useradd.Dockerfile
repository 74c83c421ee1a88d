FROM debian:12
RUN useradd -u 123456 app && useradd --uid 1000000 svc && useradd -u 1000 small
RUN useradd -l -u 123456 app && useradd --no-log-init --uid=1000000 svc && useradd -lu 999999 x
RUN useradd --uid=2000000 web && useradd -m \
    # comment
    -u 99999999 -s /bin/sh worker
RUN sudo useradd -u 100000 admin
ONBUILD RUN useradd -u 700000 late
RUN ["useradd", "-u", "654321", "exec"]
