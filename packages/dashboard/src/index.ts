// Public surface of @pgflow-ts/dashboard: nothing exported yet.
export {};
