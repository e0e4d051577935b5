// Entry of the cpi-gap/render subpath; filled in by its issue.
export {};
