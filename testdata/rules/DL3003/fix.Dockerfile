# The fix applies to a leading `cd` to a literal absolute path before `&&` or `;`.
FROM debian:12-slim
RUN cd /usr/src/app && make install
  run --mount=type=cache,target=/c cd /srv \
    && make; cd /x
RUN cd /a; make
RUN cd /a | make
RUN cd /a && \
  # c
  make
RUN cd $HOME && make
RUN cd "/a b" && make
ONBUILD RUN cd /plugins && make
RUN cd -P /a && make
RUN cd /a
