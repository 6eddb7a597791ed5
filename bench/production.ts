// Imported first by index.ts: React, Ink and immer then run their production builds, as in the
// bundled CLI (scripts/build.js defines NODE_ENV=production). Development React is several times
// slower per render and would make the frame figures meaningless.
process.env.NODE_ENV ??= 'production';
