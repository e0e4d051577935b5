// Entry of the cpi-gap/plan subpath; filled in by its issue.
export {};
