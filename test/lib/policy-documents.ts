// Builders for IAM policy documents in the semantics tests.

export type Stmt = Record<string, unknown>;

export const BUCKET = "arn:aws:s3:::amzn-s3-demo-bucket/*";

/** An Allow statement on S3 for the given principal, with an optional Condition. */
export function allow(principal: unknown, condition?: unknown, extra: Stmt = {}): Stmt {
    return {
        Effect: "Allow",
        Principal: principal,
        Action: "s3:GetObject",
        Resource: BUCKET,
        ...(condition === undefined ? {} : { Condition: condition }),
        ...extra,
    };
}

export function deny(principal: unknown, condition?: unknown): Stmt {
    return { Effect: "Deny", Principal: principal, Action: "s3:*", Resource: BUCKET, ...(condition === undefined ? {} : { Condition: condition }) };
}

export function policy(...statements: unknown[]): Record<string, unknown> {
    return { Version: "2012-10-17", Statement: statements };
}
