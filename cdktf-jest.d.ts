// Types of the cdktf matchers that jest.setup.js installs (toHaveResourceWithProperties, ...).
import 'cdktf/lib/testing/adapters/jest';
