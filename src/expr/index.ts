// Entry of the cpi-gap/expr subpath; filled in by its issue.
export {};
