FROM opensuse/leap:15.6
RUN zypper install nginx && zypper in vim && zypper remove nano && zypper patch
RUN zypper -n install nginx && zypper install -y vim && zypper --non-interactive rm nano && zypper in --no-confirm git
RUN zypper refresh && zypper \
    # comment
    install curl
ONBUILD RUN sudo zypper si nginx
RUN ["zypper", "install", "git"]
