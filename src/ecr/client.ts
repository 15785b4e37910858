// The one place the ECR client is built. Credentials come from the SDK's default chain;
// AWS_ENDPOINT_URL_ECR / AWS_ENDPOINT_URL are honoured by the SDK itself.
import { ECRClient } from '@aws-sdk/client-ecr';

export function createEcrClient(region: string): ECRClient {
  return new ECRClient({
    region,
    customUserAgent: 'ecr-build-scan-push',
  });
}
