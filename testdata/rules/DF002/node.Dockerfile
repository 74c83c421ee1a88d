FROM node:22-slim AS build
WORKDIR /app
COPY --chown=node:node . .
RUN npm ci && npm run build

# Not reported: the manifests were copied and installed first.
FROM node:22-slim AS good
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm ci --omit=dev

# Not reported: copying from another stage, or a later global tool install.
FROM node:22-slim
COPY --from=build /app .
COPY . /srv
RUN npm install -g pm2 && npm install left-pad
FROM node:22-slim
ADD ./ /app
RUN ["yarn", "install", "--frozen-lockfile"]
