# escape=`
FROM node:22
COPY `
    . `
    /app
RUN cd /app && `
    # install
    yarn
