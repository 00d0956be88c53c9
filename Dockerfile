# syntax=docker/dockerfile:1.7
# One image for every process of the system: `api` (default), `worker`, `hedera-local`, `up`.
# TypeScript runs through tsx, so the image needs no build step beyond installing packages.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=error

# The web console (served at /console) is built with the dev dependencies (Vite) and only its output kept.
FROM node:20-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY web ./web
RUN npx vite build --config web/vite.config.ts

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    API_HOST=0.0.0.0 \
    MRV_DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --chown=root:root . .
COPY --from=web /app/web/dist ./web/dist
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 8080 9464
HEALTHCHECK --interval=15s --timeout=5s --retries=5 CMD node -e "fetch('http://127.0.0.1:'+(process.env.API_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" || exit 1
ENTRYPOINT ["node", "bin/mrv.js"]
CMD ["api"]
