FROM ubuntu:24.04 AS base
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN [[ -f x ]] && source y && a=(1 2) && cat <<< z

FROM base AS child
# SHELL carries into stages built on this one
RUN [[ -f x ]]

FROM ubuntu:24.04
RUN bash -c 'source /etc/os-release && [[ $ID == ubuntu ]]' && sh -c 'source /x'
RUN ["bash", "-c", "source /etc/profile"]
RUN ["sh", "-c", "source /etc/profile"]
RUN sudo bash -c "set -o pipefail"
SHELL ["/bin/zsh", "-c"]
RUN [ a == b ] && echo {a,b}
SHELL ["pwsh", "-c"]
RUN [[ x ]]
