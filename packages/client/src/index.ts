// Public surface of @pgflow-ts/client: nothing exported yet.
export {};
