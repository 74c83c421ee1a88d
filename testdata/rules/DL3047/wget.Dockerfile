FROM debian:12
RUN wget https://example.com/a.tar.gz && wget -O /tmp/b https://example.com/b
RUN wget --progress=dot:giga https://x && wget -q https://x && wget -nv https://x && wget --no-verbose https://x
RUN wget -qO- https://x | tar xz && wget -o log https://x && wget --append-output=log https://x
RUN sudo wget \
    # comment
    https://example.com/c
ONBUILD RUN wget https://x
RUN ["wget", "https://x"]
