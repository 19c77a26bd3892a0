// import.meta.env in main, replaced by electron-vite at build time.
/// <reference types="electron-vite/node" />
