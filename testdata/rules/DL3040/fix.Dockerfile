# The fix cleans with the manager the RUN ends with.
FROM fedora:40
RUN dnf install -y httpd-2.4.59
RUN microdnf install -y nginx-1.24.0
RUN dnf install -y a-1 && microdnf install -y b-1
RUN dnf install -y c-1; true
