# check=skip=JSONArgsRecomended,StageNameCasing,all
# dlint global ignore=DL3OO8,DL3008
FROM debian:12
# hadolint ignore=SC2086,DL9999
RUN echo $x
# dlint ignore=missing-user,not-a-rule
USER root
