import { createRouter, createWebHashHistory } from 'vue-router'

// Hash history: the same URLs work under the app:// protocol, file-less test servers and dev.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/queue' },
    { path: '/queue', name: 'queue', component: () => import('./views/QueueView.vue') },
    { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
    { path: '/diagnostics', name: 'diagnostics', component: () => import('./views/DiagnosticsView.vue') },
    { path: '/system', name: 'system', component: () => import('./views/SystemView.vue') },
    { path: '/capture/:id?', name: 'capture', component: () => import('./views/CaptureView.vue'), props: true },
    { path: '/operators', name: 'operators', component: () => import('./views/OperatorsView.vue') },
    { path: '/pin', name: 'pin', component: () => import('./views/ChangePinView.vue') },
    { path: '/import', name: 'import', component: () => import('./views/ImportView.vue') },
    { path: '/today', name: 'today', component: () => import('./views/TodayView.vue') },
    { path: '/help', name: 'help', component: () => import('./views/HelpView.vue') },
    { path: '/applicants/:id', name: 'applicant', component: () => import('./views/ApplicantDetailView.vue'), props: true },
    // The customer's papers (shared/domain/receipt.ts printViewRoute): main prints only these routes.
    { path: '/applicants/:id/receipt', name: 'receipt', component: () => import('./views/PrintView.vue'), props: (route) => ({ id: route.params['id'], document: 'receipt' }) },
    { path: '/applicants/:id/consent', name: 'consent', component: () => import('./views/PrintView.vue'), props: (route) => ({ id: route.params['id'], document: 'consent' }) },
  ],
})
