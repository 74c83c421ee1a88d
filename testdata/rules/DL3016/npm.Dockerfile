FROM node:20
RUN npm install express lodash@4.17.21 @types/node @babel/core@7.24.0
RUN npm ci && npm install && npm install --production
RUN npm i -g typescript@latest ./local ../lib /abs/path pkg.tgz https://example.com/x.tgz
RUN npm install git+https://github.com/a/b.git git+https://github.com/a/c.git#v1.0 --loglevel warn "$PKG"
RUN npm install \
    # pinned below
    react@18.2.0 \
    vue
ONBUILD RUN npm install -g yarn
RUN sudo npm install -g pm2 && sh -c 'npm add left-pad'
RUN ["npm", "install", "-g", "serve"]
