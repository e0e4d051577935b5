// Entry of the cpi-gap/charts subpath; filled in by its issue.
export {};
