# A FROM that does not parse is a syntax error (DL1000), not an instruction before FROM.
FROM mcr.microsoft.com/devcontainers/java:3-${templateOption:imageVariant}
RUN echo ok
