FROM debian:12
RUN apt-get update && \

    apt-get install -y curl && \
    # a comment line is fine
    \
    true \
   

RUN <<EOF
echo a \

echo b
EOF
LABEL a=b \

      c=d
RUN echo end \

