FROM debian:12
RUN ln -sf /bin/bash /bin/sh
RUN ln -s /bin/sh /usr/local/bin/mysh && ln -sfn bash /bin/sh
RUN sudo ln \
    # comment
    -sf /bin/dash /bin/sh
ONBUILD RUN ln -sf /bin/zsh /bin/sh
RUN ["ln", "-sf", "/bin/bash", "/bin/sh"]
