FROM fedora:40
RUN dnf install httpd && microdnf install nginx
RUN dnf install -y httpd && dnf -y install git && microdnf --assumeyes install vim
RUN dnf --setopt=install_weak_deps=False install \
    # comment
    nano && yum install x
ONBUILD RUN sh -c 'dnf groupinstall "Development Tools"'
RUN ["dnf", "install", "git"]
