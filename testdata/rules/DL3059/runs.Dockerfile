FROM debian:12
RUN apt-get update
RUN apt-get install -y curl
# a comment does not separate them
RUN echo one && echo two
RUN echo a && echo b && echo c
RUN echo small
WORKDIR /app
RUN echo x
RUN --mount=type=cache,target=/root/.cache pip install x
RUN --mount=type=cache,target=/root/.cache pip install y
RUN echo z
ONBUILD RUN echo 1
ONBUILD RUN echo 2
FROM debian:12
RUN ["echo", "exec"]
RUN <<EOF
echo heredoc
EOF
