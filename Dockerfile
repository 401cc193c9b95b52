# syntax=docker/dockerfile:1
# Build stage: native modules (better-sqlite3) compile here; TypeScript is compiled to dist/, and the
# index is built by that compiled code (the index's fingerprint covers the code that reads plans,
# so it must be the code the image runs, or the bot would rebuild at every start).
FROM node:20-bookworm AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY seeds ./data/seeds
RUN npm run build \
 && node dist/cli/build-index.js --seeds data/seeds --index data/index \
 && npm prune --omit=dev \
 && find node_modules/@expo-google-fonts/noto-sans-sc -mindepth 1 -maxdepth 1 -type d ! -name 400Regular -exec rm -rf {} + \
 && rm -f node_modules/@expo-google-fonts/noto-sans-sc/*.png

# Runtime stage: no compilers, no TypeScript, a non-root user. Everything the bot writes — plan
# files (SEEDS_DIR), the index (INDEX_DIR), SQLite state, upload staging, the heartbeat — is under
# /app/data, the one volume. A new named volume starts as a copy of the image's /app/data (the
# bundled plans and their prebuilt index); after that the volume keeps what was uploaded.
FROM node:20-bookworm-slim
ENV NODE_ENV=production DATA_DIR=/app/data SEEDS_DIR=/app/data/seeds INDEX_DIR=/app/data/index TZ=Asia/Shanghai
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build --chown=node:node /app/data ./data
USER node
VOLUME ["/app/data"]
# Healthy while the bot's heartbeat file is fresh (written every 30 s).
HEALTHCHECK --interval=60s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "const s=require('fs').statSync('/app/data/heartbeat');process.exit(Date.now()-s.mtimeMs<120000?0:1)"
CMD ["node", "dist/main.js"]
