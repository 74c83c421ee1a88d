FROM debian:12 AS fetch
RUN curl -fsSL https://x -o /x
RUN wget -q https://y && wget -q https://z
RUN curl -fsSL https://w \
    # comment
    | sh -c 'wget -q https://v'
FROM debian:12
RUN wget -q https://only
ONBUILD RUN curl -fsSL https://late
FROM debian:12
RUN curl -fsSL https://only-curl
