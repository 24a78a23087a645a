// Lets TypeScript accept the side-effect CSS imports that vite bundles.
/// <reference types="vite/client" />
