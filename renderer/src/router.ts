import { createRouter, createWebHashHistory } from 'vue-router'

// Hash history: the same URLs work under the app:// protocol, file-less test servers and dev.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/system' },
    { path: '/system', name: 'system', component: () => import('./views/SystemView.vue') },
    { path: '/capture/:id?', name: 'capture', component: () => import('./views/CaptureView.vue'), props: true },
    { path: '/applicants/:id', name: 'applicant', component: () => import('./views/ApplicantDetailView.vue'), props: true },
  ],
})
