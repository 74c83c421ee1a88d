ARG A=outer
FROM debian:12
ENV A=1 B=$A
ENV C=${A}
ENV D=1 \
    # the default follows
    E=${D:-x} F="$D"
ENV PATH=/opt/bin:$PATH
ENV H=1 I=\$H
ENV J=1 K=$JJ
ENV L 1 $L
ENV M=1 M=$M
ONBUILD ENV N=1 O=$N
ARG P
ENV P=$P Q=/opt/$P R=${P} S=${R}
