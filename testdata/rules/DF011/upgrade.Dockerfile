FROM debian:12
RUN apt-get update && apt-get upgrade -y && apt-get dist-upgrade -y && apt full-upgrade -y
RUN apk upgrade --no-cache && apk add --upgrade curl && apk upgrade musl
RUN yum update -y && dnf upgrade -y && microdnf update && yum update -y openssl
RUN zypper -n update && zypper -n dup
RUN sudo apt-get \
    # comment
    upgrade -y
ONBUILD RUN apt-get -y upgrade
RUN ["apt-get", "upgrade", "-y"]
