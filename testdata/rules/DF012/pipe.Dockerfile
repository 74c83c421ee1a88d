FROM debian:12
RUN curl -fsSL https://get.example.com | sh
RUN wget -qO- https://x/install.sh | bash -s -- --yes && curl -fsSL https://x | tar xz
RUN curl -fsSL https://x \
    # comment
    | sudo bash
RUN sh -c "$(curl -fsSL https://x/install.sh)"
RUN curl -fsSL https://x -o /tmp/i.sh && echo "abc  /tmp/i.sh" | sha256sum -c && sh /tmp/i.sh
ONBUILD RUN curl https://x | tee /tmp/log | sh
RUN ["sh", "-c", "curl -fsSL https://x | sh"]
