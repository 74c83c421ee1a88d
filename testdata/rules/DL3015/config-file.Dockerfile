FROM debian:12
RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/01norecommends
RUN apt-get install -y curl
FROM debian:12
RUN apt-get install -y curl
