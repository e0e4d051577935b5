// Entry of the cpi-gap/simulation subpath; filled in by its issue.
export {};
