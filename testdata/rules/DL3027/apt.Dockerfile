FROM ubuntu:24.04
RUN apt update && apt install -y curl
RUN apt upgrade -y && apt list --installed && apt search vim && apt-cache policy curl
RUN /usr/bin/apt remove -y nano && apt policy bash
RUN sudo apt autoremove -y \
    # comment
    && sh -c 'apt clean'
RUN ["apt", "install", "-y", "git"]
ONBUILD RUN apt-get update && apt full-upgrade -y
