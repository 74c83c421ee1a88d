FROM debian:12
RUN [[ -d /opt/app ]] || mkdir /opt/app
RUN set -euo pipefail && curl -fsSL https://example.com/x | sh
RUN source /etc/os-release && echo "$ID" \
    # a comment inside the continuation
    && [ "$ID" == debian ] && test "$ID" == debian \
    && make &> /tmp/log
RUN cat <<< "text" && printf $'\t' && mkdir -p /srv/{logs,cache} && seq {1..3}
RUN find . -name '*.o' -exec rm {} \; && . /etc/profile && [ "$A" = b ]
RUN function build { make; } && build
